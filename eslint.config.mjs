// Lint: typescript-eslint's recommended rules and a few type-checked ones (promises that are never awaited or
// handed where a void callback is expected, awaits of non-promises, assertions that change nothing), the
// Rules of Hooks, Next.js's rules (core web vitals), plus the one-way import rule of the house style:
// app → server/api → server/services → domain. Lower layers never import higher ones.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const layer = (files, forbidden, why) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: forbidden.map((group) => ({ group: [group], message: why })) }],
  },
});

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "src/generated/**",
      "test-results/**",
      "playwright-report/**",
      "e2e/artifacts/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unnecessary-type-assertion": "error",
    },
  },
  {
    // Only the two classic rules: the React Compiler's rules (the plugin's newer presets) are not adopted.
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    ...nextPlugin.configs["core-web-vitals"],
    settings: { next: { rootDir: import.meta.dirname } },
  },
  layer(
    ["src/domain/**"],
    [
      "@/server/*",
      "@/app/*",
      "@/trpc/*",
      "@/generated/*",
      "next",
      "next/*",
      "@trpc/*",
      "@prisma/*",
      "react",
      "**/server/**",
      "**/app/**",
    ],
    "src/domain is pure: it imports nothing from Next, tRPC, Prisma or the server.",
  ),
  layer(
    ["src/server/services/**", "src/server/email/**", "src/server/db/**"],
    ["@/server/api/*", "@/app/*", "@/trpc/*", "**/api/**", "**/app/**", "next/*"],
    "Services sit below the API layer: they must not import tRPC routers, the app or Next.",
  ),
  layer(["src/server/api/**"], ["@/app/*", "@/trpc/*", "**/app/**"], "The API layer must not import the app."),
  {
    // Pages and components reach the server only through tRPC: they may import @/trpc, @/components, @/domain,
    // @/schemas and the app's own files. The HTTP boundary (route handlers under src/app/api), sign-in, the
    // dev mailbox, the root layout (the session and the viewer's zone) and the API reference (it renders the
    // OpenAPI document generated in src/server/public-api) are the short allow-list.
    ...layer(
      ["src/app/**"],
      ["@/server/*", "@/generated/*", "@prisma/*", "@/test/*", "**/server/**", "pg"],
      "Pages talk to the server through tRPC (@/trpc); only route handlers, sign-in, the dev mailbox and the root layout may import @/server.",
    ),
    ignores: [
      "src/app/api/**",
      "src/app/dev/**",
      "src/app/sign-in/**",
      "src/app/docs/api/**",
      "src/app/layout.tsx",
      "src/app/**/*.test.ts",
      "src/app/**/*.test.tsx",
    ],
  },
  layer(
    ["src/schemas/**"],
    ["@/server/*", "@/app/*", "@/trpc/*", "**/server/**"],
    "Schemas are shared with the browser: no server imports.",
  ),
);
