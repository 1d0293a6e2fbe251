// Lint Cypher statements with Neo4j's Cypher front end
// (@neo4j-cypher/language-support, function lintCypherQuery).
//
// Driven by tests/cypherlint.py; not part of the reegraph package.
//
// stdin (JSON), either the wrapper object
//   {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...]},
//    "statements": [{"name": str, "query": str, "parameters": {"p": <example value>}}]}
// or just the bare statements array. "schema" and "parameters" are optional.
//
// stdout (JSON), in input order:
//   [{"name": str, "diagnostics": [{"message", "severity", "line", "column"}]}]
// severity is "error" | "warning" | "information" | "hint"; line and column are
// 1-based. Warnings (deprecations, unknown labels, performance notifications)
// are reported like errors: callers require zero diagnostics of any kind.
//
// How the schema is used by the linter (checked against the package source):
// - parameters: dbSchema.parameters is a {name: exampleValue} map; a `$name`
//   whose entry is missing (undefined) is an error "Parameter $name is not defined.".
// - labels / relationshipTypes: a label or type that is *read* (MATCH, WHERE,
//   ...) but not declared gives a warning. Labels that a clause could create
//   (CREATE, MERGE, SET) and labels in schema commands (CREATE CONSTRAINT/INDEX)
//   are never flagged. The package only runs this check when both lists are
//   present, so when a "schema" is given, a missing list is treated as [].
//   Without any "schema" the label check is off.
// - propertyKeys: only used for auto-completion; unknown keys are not flagged.
// - Functions/procedures are not declared, so their names are not checked.
//
// Dialect: Cypher 5 (Neo4j 5.26 LTS). dbSchema.defaultLanguage is "CYPHER 5"
// and the package's cypher25 feature flag is left off; a statement that opts
// into another version with a "CYPHER 25" prefix gets an extra error here.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// The package's ESM build uses extension-less imports that Node cannot
// resolve, so load its CommonJS bundle.
const require = createRequire(import.meta.url);
const { lintCypherQuery, parserWrapper } = require('@neo4j-cypher/language-support');

const CYPHER_VERSION = 'CYPHER 5';
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function fail(message) {
  process.stderr.write(`lint.mjs: ${message}\n`);
  process.exit(2);
}

function stringList(schema, key) {
  const value = schema[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    fail(`schema.${key} must be an array of strings`);
  }
  return value;
}

function toDiagnostic(d) {
  return {
    message: d.message,
    severity: SEVERITY[d.severity] ?? 'error',
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  };
}

// Diagnostics lintCypherQuery does not produce itself.
function extraDiagnostics(query) {
  if (query.trim() === '') {
    return [{ message: 'Empty query.', severity: 'error', line: 1, column: 1 }];
  }
  const extra = [];
  // Same (cached) parse that lintCypherQuery just did.
  for (const stmt of parserWrapper.parse(query, false).statementsParsing) {
    if (stmt.cypherVersion && stmt.cypherVersion !== CYPHER_VERSION) {
      const start = stmt.ctx.start;
      extra.push({
        message: `${stmt.cypherVersion} is not allowed: statements must be ${CYPHER_VERSION} (Neo4j 5.26 LTS).`,
        severity: 'error',
        line: start.line,
        column: start.column + 1,
      });
    }
  }
  return extra;
}

function lintOne(query, dbSchema) {
  try {
    const diagnostics = lintCypherQuery(query, dbSchema).map(toDiagnostic);
    return diagnostics.concat(extraDiagnostics(query));
  } catch (e) {
    return [
      { message: `linter crashed: ${e?.stack ?? e}`, severity: 'error', line: 1, column: 1 },
    ];
  }
}

// The package swallows exceptions from its semantic analysis (the Neo4j
// front end compiled to JS) and then reports nothing; make sure it is alive
// so that a broken install cannot make everything lint clean.
function selfCheck() {
  const found = lintCypherQuery('RETURN lint_self_check_undefined_variable', {
    defaultLanguage: CYPHER_VERSION,
  });
  if (!found.some((d) => d.message.includes('lint_self_check_undefined_variable'))) {
    fail('self-check failed: semantic analysis reported no error for an undefined variable');
  }
}

function main() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    fail(`invalid JSON on stdin: ${e.message}`);
  }
  const wrapped = !Array.isArray(input);
  if (wrapped && (input === null || typeof input !== 'object')) {
    fail('stdin must be a JSON object {"schema", "statements"} or an array');
  }
  const statements = wrapped ? input.statements : input;
  const schema = wrapped ? input.schema : undefined;
  if (!Array.isArray(statements)) fail('"statements" must be an array');
  if (schema !== undefined && schema !== null && typeof schema !== 'object') {
    fail('"schema" must be an object');
  }

  const baseSchema = { defaultLanguage: CYPHER_VERSION };
  if (schema) {
    baseSchema.labels = stringList(schema, 'labels');
    baseSchema.relationshipTypes = stringList(schema, 'relationshipTypes');
    baseSchema.propertyKeys = stringList(schema, 'propertyKeys');
  }

  const seen = new Set();
  for (const [i, s] of statements.entries()) {
    if (s === null || typeof s !== 'object') fail(`statements[${i}] must be an object`);
    if (typeof s.name !== 'string') fail(`statements[${i}].name must be a string`);
    if (typeof s.query !== 'string') fail(`statements[${i}] (${s.name}): query must be a string`);
    const params = s.parameters;
    if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) {
      fail(`statements[${i}] (${s.name}): parameters must be an object`);
    }
    if (seen.has(s.name)) fail(`duplicate statement name: ${s.name}`);
    seen.add(s.name);
  }

  selfCheck();

  const results = statements.map((s) => ({
    name: s.name,
    diagnostics: lintOne(s.query, { ...baseSchema, parameters: s.parameters ?? {} }),
  }));
  process.stdout.write(JSON.stringify(results) + '\n');
}

main();
