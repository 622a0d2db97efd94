/** Unit files: finding, reading and checking them as systemd 252 does. */

export { FATAL_CONFIGURATION, type LoadOptions, formatProblem, loadUnit } from './load.ts';
export { ROOT_MANAGER, type ManagerUser } from './specifiers.ts';
export type * from './types.ts';
export { SYSTEM_UNIT_PATH, type UnitFileEntry, findDropIns, listUnitFiles } from './unit-files.ts';
export { type UnitName, type UnitType, isTemplate, parseUnitName, templateOf, unescapeUnitText } from './unit-name.ts';
export { parseTimeSpan } from './values.ts';
export { type VerifyResult, verifyUnitFiles } from './verify.ts';
export { parseEnvAssignment } from './environment.ts';
