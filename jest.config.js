// Unit and integration tests. Type-checking runs separately (npm run typecheck), so ts-jest only
// transpiles (isolatedModules) and the suite stays fast.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          isolatedModules: true,
          jsx: "react-jsx",
          module: "commonjs",
          moduleResolution: "node",
          esModuleInterop: true,
          resolveJsonModule: true,
          types: ["office-js", "jest", "node"],
        },
      },
    ],
  },
  moduleNameMapper: {
    // office-addin-mock reaches ESM-only packages through office-addin-manifest; it only needs this enum file.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testMatch: ["<rootDir>/tests/**/*.test.ts?(x)"],
  testTimeout: 60000,
};
