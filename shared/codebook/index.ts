/**
 * Codebooks as data and pure logic: the shipped presets, JSON import/export, versioned editing,
 * history diffs and engagement validation. No node:*, electron or DOM: main, the renderer and the
 * CLI all use this same module.
 */
export { CodebookJsonError, codebookSchema, codebookToJson, parseCodebookJson } from './codebook-schema';
export { type CodebookChange, diffCodebooks } from './diff';
export {
  addValue,
  CodebookEditError,
  type DefinitionPatch,
  keyFromLabel,
  type MappingPatch,
  type NewCodebookValue,
  renameValue,
  reorderValues,
  retireValue,
  type TypePatch,
  unretireValue,
  updateCodebookInfo,
  updateDefinition,
  updateMapping,
  updateType,
} from './edit';
export {
  CODEBOOK_LISTS,
  type CodebookProblem,
  codebookProblems,
  KEY_PATTERN,
  RESERVED_SHORTCUTS,
  SHORTCUT_PATTERN,
} from './integrity';
export {
  activeValues,
  type CodebookListValue,
  findValue,
  listValues,
  receivingRoleKeys,
  typeForShortcut,
} from './lookup';
export {
  CAMEO_ID,
  DEFAULT_PRESET_ID,
  getPreset,
  PLOVER_CONTEXT_KEYS,
  PLOVER_ID,
  PRESETS,
  SECURITY_COOPERATION_ID,
} from './presets';
export { canSaveAs, type IssueSeverity, type ValidationIssue, validateEngagement } from './validate';
