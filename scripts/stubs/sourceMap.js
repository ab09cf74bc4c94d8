// Stands in for `source-map`, which Handlebars' compiler requires only to emit source maps.
// Without a SourceNode export Handlebars uses its own small code builder; we never ask for maps.
export {};
