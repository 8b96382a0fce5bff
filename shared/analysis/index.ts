/** Analysis: the network, grouping, timeline and export shapes, all pure (renderer and main). */
export * from './aggregate';
export * from './codebook-mapping';
export * from './dyads';
export * from './export-rows';
export * from './graph-formats';
export * from './grouping';
export * from './periods';
export * from './plover';
export * from './sides';
