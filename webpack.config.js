// Builds the browser bundles of rxipc: UMD (global `rxipc`, file `.cjs` because the package is
// `"type": "module"`) and ESM, with rxjs left external. `npm run build` runs it after tsc.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  options: {
    configFile: path.join(root, 'tsconfig.build.json'),
    transpileOnly: true,
    // ts-loader cannot see "type": "module" in transpileOnly mode: without this it emits CommonJS.
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', declaration: false, declarationMap: false },
  },
};

const common = {
  mode: 'production',
  devtool: 'source-map',
  entry: { rxipc: './src/index.ts' },
  resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
  module: { rules: [tsRule] },
  performance: { hints: false },
};

const rxjsExternal = { commonjs: 'rxjs', commonjs2: 'rxjs', amd: 'rxjs', root: 'rxjs' };

export default [
  {
    ...common,
    name: 'umd',
    externals: { rxjs: rxjsExternal, 'rxjs/operators': { ...rxjsExternal } },
    output: {
      path: path.join(root, 'dist/bundles'),
      filename: 'rxipc.umd.min.cjs',
      library: { name: 'rxipc', type: 'umd' },
      globalObject: 'globalThis',
    },
  },
  {
    ...common,
    name: 'esm',
    experiments: { outputModule: true },
    externalsType: 'module',
    externals: { rxjs: 'rxjs' },
    output: {
      path: path.join(root, 'dist/bundles'),
      filename: 'rxipc.esm.min.js',
      library: { type: 'module' },
      module: true,
    },
  },
];
