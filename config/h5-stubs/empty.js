// Stands in for a polyfill on H5 (config/index.ts): every browser of the `h5` browserslist has fetch and AbortController.
export {}
