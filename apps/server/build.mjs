// Bundles the server and its workspace packages (TypeScript sources) into dist/;
// third-party packages stay external and load from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts', 'users-add': 'src/cli/users-add.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'externalize-deps',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@acme/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
