// Bundles the server and its workspace packages (TypeScript sources) into dist/. Third-party
// packages stay external and load from node_modules at run time, so each must be a dependency
// of apps/server itself: the build fails naming any that is not.
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(new URL('./package.json', import.meta.url));
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

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
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('@acme/') || args.path.startsWith('node:')) {
            return args.path.startsWith('node:') ? { path: args.path, external: true } : undefined;
          }
          try {
            require.resolve(`${packageName(args.path)}/package.json`);
          } catch {
            try {
              require.resolve(args.path);
            } catch {
              return {
                errors: [
                  {
                    text: `${packageName(args.path)} is imported by ${args.importer} but is not a dependency of apps/server`,
                  },
                ],
              };
            }
          }
          return { path: args.path, external: true };
        });
      },
    },
  ],
});
