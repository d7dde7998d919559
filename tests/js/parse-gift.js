// Parse GIFT files with the gift-pegjs parser; print one JSON result per file on stdout.
// Usage: node parse-gift.js FILE...  ->  [{"file": ..., "questions": [...]} or {"file": ..., "error": ...}]
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const results = process.argv.slice(2).map((file) => {
  const text = fs.readFileSync(file, "utf8");
  try {
    return { file, questions: parse(text) };
  } catch (error) {
    const where = error.location ? ` at line ${error.location.start.line}, column ${error.location.start.column}` : "";
    return { file, error: `${error.name}: ${error.message}${where}` };
  }
});
process.stdout.write(JSON.stringify(results));
