// Formatting: Prettier with the Tailwind plugin (class order). `npm test` checks it (`npm run format:check`);
// `npm run format` applies it. The 120-column width is the house style's line length.
/** @type {import("prettier").Config} */
export default {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./src/app/globals.css",
};
