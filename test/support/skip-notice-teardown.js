/** jest's global teardown: the closing notice of skipped suites (see skip-notice.js). */
"use strict";

module.exports = require("./skip-notice").teardown;
