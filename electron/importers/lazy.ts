/**
 * The heavy parsing libraries load on first use, not when a parsing thread starts: an import of
 * .txt files never needs a DOM, a mail parser or a .docx reader, and each parsing thread holding
 * them took about 35 MB more (linkedom about 26, mammoth about 13).
 */
let linkedom: Promise<typeof import('linkedom')> | undefined;
let readability: Promise<typeof import('@mozilla/readability')> | undefined;
let mammoth: Promise<typeof import('mammoth')> | undefined;
let postalMime: Promise<typeof import('postal-mime')> | undefined;

export const loadLinkedom = () => {
  linkedom ??= import('linkedom');
  return linkedom;
};
export const loadReadability = () => {
  readability ??= import('@mozilla/readability');
  return readability;
};
export const loadMammoth = async () => {
  mammoth ??= import('mammoth');
  const m = await mammoth;
  // A CommonJS package: its exports arrive as the default export.
  return ('default' in m ? m.default : m) as typeof import('mammoth');
};
export const loadPostalMime = async () => {
  postalMime ??= import('postal-mime');
  return (await postalMime).default;
};
