// Handlebars' runtime build (template() without the compiler) has the full package's types.
declare module 'handlebars/runtime' {
  import type Handlebars from 'handlebars';
  const runtime: typeof Handlebars;
  export default runtime;
}
