// The Handlebars compiler without its runtime, as a file of its own: the renderer requires it
// only when a template is missing from the compiled cache, so a warm run never loads the parser.
// The build bundles it to dist/precompiler.cjs; from the sources it runs as it is.
const { parse } = require('handlebars/dist/cjs/handlebars/compiler/base.js');
const { Compiler, precompile } = require('handlebars/dist/cjs/handlebars/compiler/compiler.js');
const jsCompiler = require('handlebars/dist/cjs/handlebars/compiler/javascript-compiler.js');
const JavaScriptCompiler = jsCompiler.default ?? jsCompiler; // the module replaces its exports with the class

/** The JavaScript source of a template's specification, for the runtime's `template()`. */
exports.precompile = (input, options) => String(precompile(input, { ...options }, { parse, Compiler, JavaScriptCompiler }));
