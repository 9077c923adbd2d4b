// Builds ../viewer.bundle.js: viewer.js and the age-encryption package it
// imports, in one minified script. The same package-lock.json and the
// same esbuild give the same bytes: CI rebuilds it and compares
// (.ci/run). Run it with ./build.sh (see docs/pocket.md).
import { build } from "esbuild";

await build({
  entryPoints: ["viewer.js"],
  outfile: process.argv[2] || "../viewer.bundle.js",
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  charset: "utf8",
  legalComments: "eof",
  logLevel: "warning",
});
