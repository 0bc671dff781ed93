/** Geometry checks and fixes shared by every importer. */
export { checkGeometry, type GeometryCheck } from './check.ts';
export { geometryTypeName } from './geometry-type.ts';
export { summariseProblems, type ProblemSummary, type ProblemKind } from './summary.ts';
export { findRingIntersection, type RingIntersection, type RingRef } from './self-intersection.ts';
export { positionFault, checkPositionList, describeValue } from './coordinates.ts';
export { closeRing, isClosed, ringXY, signedArea2, samePosition } from './rings.ts';
