// Bundles the declarations tsc wrote to types/ into one .d.ts per public entry.
import { dts } from 'rollup-plugin-dts';

const external = [/^lit($|\/)/, /^lit-html/, /^@lit\//];
export default ['index', 'cookie-banner', 'validate'].map((entry) => ({
  input: `types/${entry}.d.ts`,
  output: { file: `dist/esm/${entry}.d.ts`, format: 'es' },
  external,
  plugins: [dts()],
}));
