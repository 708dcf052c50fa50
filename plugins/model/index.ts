export { CODES, type Code, type CodeInfo, type Severity } from './codes.ts';
export { type Diagnostic, type Position, sortDiagnostics } from './diagnostics.ts';
export { formatDiagnostics, formatSummary, type OutputFormat } from './format.ts';
export { KINDS, kindInfo, type ElementKind } from './kinds.ts';
export { ContentFolderError, loadModel, type LoadOptions, type LoadResult } from './load.ts';
export * from './model.ts';
export { elementRoute, FIXED_ROUTES, kindRoute, siteRoutes } from './routes.ts';
