// Shared by the example servers: bundles a page's TypeScript entries (with rxjs and the rxipc
// sources they import) for the browser with webpack, as a user's own build would.
import webpack from 'webpack';

/**
 * Bundles each entry into `outDir/<name>.js`.
 *
 * @param entries Output name → entry file, relative to `context`.
 * @param outDir Where the bundles go.
 * @param context The folder the entries are relative to.
 */
export async function bundlePages(entries: Record<string, string>, outDir: string, context: string): Promise<void> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context,
    entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `./${file}`])),
    output: { path: outDir, filename: '[name].js' },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          options: { transpileOnly: true, compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', noEmit: false } },
        },
      ],
    },
    stats: 'errors-warnings',
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}
