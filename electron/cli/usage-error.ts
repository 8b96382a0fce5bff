/** A command line that does not make sense: exit code 1 with the usage text. */
export class UsageError extends Error {}
