/**
 * Writes a localized copy of the custom functions' metadata next to the one that
 * custom-functions-metadata-plugin generates from the JSDoc (functions.json → functions.en-US.json).
 *
 * Only descriptions change: ids are stored in workbooks and names are the same in every Excel
 * language in this product, so a workbook reads the same on every machine. Deriving the copy from
 * the generated file (instead of keeping a second hand-written metadata file) means a parameter
 * added to the JSDoc cannot silently miss from the English metadata: the build fails until the
 * text table names it, and fails as well for a table entry that no longer exists.
 */
"use strict";

const fs = require("fs");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN_NAME = "LocalizedMetadataPlugin";

/**
 * Returns the metadata with every description replaced from `table`
 * (`{ [id]: { description, parameters: { [name]: description } } }`); throws on any mismatch.
 */
function localizeMetadata(metadata, table, locale) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    seen.add(fn.id);
    const texts = table[fn.id];
    if (!texts) {
      problems.push(`${fn.id}: no ${locale} text`);
      return fn;
    }
    const parameterNames = new Set();
    const parameters = (fn.parameters || []).map((parameter) => {
      parameterNames.add(parameter.name);
      const description = texts.parameters && texts.parameters[parameter.name];
      if (typeof description !== "string" || description.trim() === "") {
        problems.push(`${fn.id}(${parameter.name}): no ${locale} text`);
        return parameter;
      }
      return { ...parameter, description };
    });
    for (const name of Object.keys(texts.parameters || {})) {
      if (!parameterNames.has(name))
        problems.push(`${fn.id}(${name}): ${locale} text for a parameter that does not exist`);
    }
    if (typeof texts.description !== "string" || texts.description.trim() === "") {
      problems.push(`${fn.id}: no ${locale} description`);
    }
    return { ...fn, description: texts.description, parameters };
  });
  for (const id of Object.keys(table)) {
    if (!seen.has(id)) problems.push(`${id}: ${locale} text for a function that does not exist`);
  }
  if (problems.length > 0) {
    throw new Error(
      `The ${locale} custom function texts do not match functions.json:\n  ${problems.join("\n  ")}`,
    );
  }
  return { ...metadata, functions };
}

class LocalizedMetadataPlugin {
  /**
   * @param {{ source: string, output: string, texts: string, locale: string }} options
   *   source: the generated metadata asset; output: the asset to write; texts: path of the table.
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { source, output, texts, locale } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.fileDependencies.add(texts);
      compilation.hooks.processAssets.tap(
        // The metadata plugin adds functions.json when the compilation starts; deriving from it
        // at this stage sees it whatever order the plugins were declared in.
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          const generated = compilation.getAsset(source);
          if (!generated) {
            // The metadata plugin reports its own JSDoc errors; without its output there is
            // nothing to translate, and saying so keeps the real cause visible.
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${source} was not generated`));
            return;
          }
          try {
            const metadata = JSON.parse(generated.source.source().toString());
            const table = JSON.parse(fs.readFileSync(texts, "utf8"));
            const localized = localizeMetadata(metadata, table, locale);
            compilation.emitAsset(output, new sources.RawSource(`${JSON.stringify(localized, null, 4)}\n`));
          } catch (error) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${error.message}`));
          }
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin, localizeMetadata };
