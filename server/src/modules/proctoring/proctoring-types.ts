/** The proctoring module's enumerations, shared by its tables, services and routes. */
export const EVIDENCE_KINDS = ['snapshot', 'screen'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const PROCTOR_ACTION_KINDS = ['message', 'warn', 'pause', 'resume', 'extend', 'terminate'] as const;
export type ProctorActionKind = (typeof PROCTOR_ACTION_KINDS)[number];
