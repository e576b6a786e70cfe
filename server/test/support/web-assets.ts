/**
 * Routes that serve the built web app's static files (one route per file: @fastify/static with
 * `wildcard: false`): public assets, outside the API's input, tenancy and leak harnesses. The face
 * check's models (.bin) and WebAssembly runtime (.wasm) are files of the build too.
 */
export const isWebAssetRoute = (url: string): boolean =>
  /\.(html|js|css|svg|png|ico|webmanifest|woff2?|ttf|otf|eot|txt|json|map|bin|wasm)$/.test(url) ||
  url === '/';
