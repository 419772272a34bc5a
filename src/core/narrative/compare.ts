/**
 * The draft's comparisons (`cchc draft --compare`) are the core's one computation
 * (core/report/comparison), shared with Phụ lục I's «Kỳ trước» / «Cùng kỳ năm trước» columns.
 */
export {
  changeText,
  CompareRefusedError,
  comparedPeriods,
  periodPhrase,
  type ComparedPeriod,
  type ComparedWorkbook,
} from "../report/comparison";
