/**
 * The one list of errors a client can see. Codes are stable API: clients and tests match on them,
 * so a code is never renamed, only added. Messages are for people and may be improved.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are missing or invalid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The upload is larger than allowed.' },
  URI_TOO_LONG: { status: 414, message: 'The address is longer than allowed.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The address or the request headers are larger than allowed.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported here.' },
  AUTH_REQUIRED: { status: 401, message: 'Please sign in to continue.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'The email or password is incorrect.' },
  AUTH_ACCOUNT_DISABLED: {
    status: 403,
    message: 'This account has been deactivated. Contact your institute.',
  },
  AUTH_RATE_LIMITED: { status: 429, message: 'Too many sign-in attempts. Please wait and try again.' },
  AUTH_WRONG_PASSWORD: { status: 400, message: 'The current password is incorrect.' },
  AUTH_PASSWORD_REUSED: { status: 400, message: 'Choose a password different from the current one.' },
  METRICS_TOKEN_INVALID: { status: 401, message: 'Present the metrics token as a bearer token.' },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: 'Choose a new password before you continue: you signed in with a temporary one.',
  },
  CSRF_TOKEN_INVALID: { status: 403, message: 'The security token is missing or expired. Reload the page.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  BATCH_CODE_TAKEN: { status: 409, message: 'Another batch already uses this code.' },
  BATCH_STAFF_INVALID: {
    status: 400,
    message: 'Only teachers and proctors of this institute can be assigned.',
  },
  BATCH_INVALID: { status: 400, message: 'One or more batches do not exist in this institute.' },
  USER_EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  // An email in use outside the admin's institute: says neither that nor where (see user-service).
  USER_EMAIL_UNAVAILABLE: { status: 409, message: 'This email cannot be used for a new account.' },
  USER_CANNOT_DEACTIVATE_SELF: { status: 400, message: 'You cannot deactivate your own account.' },
  USER_CANNOT_CHANGE_OWN_ROLE: { status: 400, message: 'You cannot change your own role.' },
  INSTITUTE_SLUG_TAKEN: { status: 409, message: 'Another institute already uses this short name.' },
  INSTITUTE_TIME_ZONE_INVALID: {
    status: 400,
    message: 'This is not a time zone name such as Asia/Kolkata.',
  },
  IMPORT_INVALID: { status: 422, message: 'The file has errors. Nothing was imported.' },
  IMPORT_FILE_UNREADABLE: { status: 400, message: 'The file could not be read as CSV.' },
  EXPORT_BUSY: {
    status: 429,
    message: 'Your institute is already running the most exports at once. Try again when one has finished.',
  },
  IMPORT_NOT_READY: {
    status: 409,
    message:
      'The import is not ready to commit: wait for validation to finish, or fix the errors and upload again.',
  },
  SYLLABUS_NAME_TAKEN: { status: 409, message: 'Another item at this level already has this name.' },
  SYLLABUS_PARENT_INVALID: {
    status: 400,
    message: 'A chapter belongs to a subject and a topic to a chapter.',
  },
  SYLLABUS_TOPIC_INVALID: { status: 400, message: 'Choose an existing topic of this institute.' },
  QUESTION_INVALID: { status: 400, message: 'The question has problems. Nothing was saved.' },
  ASSET_TYPE_NOT_ALLOWED: { status: 400, message: 'Only PNG, JPEG, GIF and WebP images can be uploaded.' },
  UPLOAD_NOT_FOUND: {
    status: 404,
    message: 'Nothing was uploaded under this key in your institute. Start the upload again.',
  },
  EXAM_NOT_DRAFT: { status: 409, message: 'The exam is published: unpublish it to edit.' },
  EXAM_DOES_NOT_FIT: { status: 422, message: 'The paper does not fit its pattern yet.' },
  EXAM_ALREADY_STARTED: {
    status: 409,
    message: 'The exam has started: it can no longer be unpublished or rescheduled.',
  },
  EXAM_NOT_PUBLISHED: { status: 409, message: 'Publish the exam before scheduling it.' },
  SCHEDULE_INVALID: { status: 400, message: 'The schedule is not valid.' },
  REGISTRATION_CLOSED: { status: 409, message: 'Registration for this exam is closed.' },
  REGISTRATION_FULL: { status: 409, message: 'This exam has no seats left.' },
  REGISTRATION_REQUIRED: { status: 403, message: 'Register for this exam before starting it.' },
  SAVE_RATE_LIMITED: { status: 429, message: 'Answers are arriving faster than anyone can type. Slow down.' },
  ATTEMPT_NOT_RUNNING: {
    status: 409,
    message: 'The attempt is not running: it has not started, or it has ended.',
  },
  ATTEMPT_ALREADY_PAUSED: { status: 409, message: 'The attempt is already paused.' },
  ATTEMPT_NOT_PAUSED: { status: 409, message: 'The attempt is not paused.' },
  PROCTORING_CONSENT_REQUIRED: {
    status: 422,
    message: 'Read what this exam records and agree to it before you start.',
  },
  PROCTOR_RATE_LIMITED: {
    status: 429,
    message: 'Too many proctoring events at once. They are kept and sent again shortly.',
  },
  PROCTOR_KIND_DISABLED: {
    status: 422,
    message: 'This exam does not record that kind of proctoring signal.',
  },
  EVIDENCE_TOO_LARGE: { status: 413, message: 'The file is larger than this kind of evidence may be.' },
  EVIDENCE_TYPE_NOT_ALLOWED: {
    status: 400,
    message: 'Evidence must be a JPEG or WebP snapshot or a WebM screen recording.',
  },
  EVIDENCE_NOT_UPLOADED: {
    status: 409,
    message: 'Nothing was uploaded for this evidence yet. Upload it, then complete it.',
  },
  TIMING_ADJUSTMENT_INVALID: {
    status: 422,
    message: 'A time adjustment must add a whole, non-negative number of milliseconds.',
  },
  PRACTICE_DISABLED: { status: 403, message: 'Practice is switched off for this subject by your institute.' },
  PRACTICE_NO_QUESTIONS: { status: 422, message: 'No questions match this practice test yet.' },
  PRACTICE_NO_UNSEEN_QUESTIONS: {
    status: 422,
    message: 'You have already seen every question on these topics: practise without "new questions only".',
  },
  PRACTICE_LIMIT_REACHED: {
    status: 429,
    message: 'You have made many practice tests recently: finish one or try again later.',
  },
  EXAM_NOT_STARTED: { status: 409, message: 'The exam has not started yet.' },
  EXAM_OVER: { status: 409, message: 'The time for this exam is over.' },
  RESULT_NOT_SUBMITTED: {
    status: 409,
    message: 'Only a submitted attempt has a result to withhold, disqualify or restore.',
  },
  RESULT_NOT_RELEASED: { status: 403, message: 'Results for this exam are not released yet.' },
  ATTEMPT_NOT_SUBMITTED: { status: 409, message: 'The attempt is not submitted yet.' },
  RESULTS_NOT_FINAL: {
    status: 409,
    message: 'Candidates may still be answering: results can be released once answers are final.',
  },
  RESULTS_RELEASE_AUTOMATIC: {
    status: 409,
    message: 'This exam releases its results by itself; only a manual release needs the button.',
  },
  RESULTS_NOT_SCHEDULED: { status: 409, message: 'Schedule the exam before releasing its results.' },
  // Provisional answer keys and challenges (exams/key-challenge-service.ts).
  PROVISIONAL_KEY_PUBLISHED: { status: 409, message: 'The provisional answer key is already published.' },
  KEY_NOT_PROVISIONAL: {
    status: 409,
    message: 'No provisional answer key is published for this exam yet.',
  },
  CHALLENGE_WINDOW_INVALID: {
    status: 400,
    message: 'Challenges must close between 15 minutes and 30 days from now.',
  },
  CHALLENGE_WINDOW_CLOSED: { status: 409, message: 'The window for challenging this answer key is closed.' },
  CHALLENGE_NOT_SAT: {
    status: 403,
    message: 'Only candidates who submitted this exam can challenge its answer key.',
  },
  CHALLENGE_EXISTS: { status: 409, message: 'You have already challenged the key of this question.' },
  CHALLENGE_NOT_PENDING: { status: 409, message: 'Only a pending challenge can be withdrawn.' },
  CHALLENGE_NONE_PENDING: {
    status: 409,
    message: 'No challenge of this question is waiting for a decision.',
  },
  CHALLENGE_UNKNOWN_QUESTION: {
    status: 422,
    message: 'The challenge names a question that is not in this paper.',
  },
  CHALLENGE_INVALID_ANSWER: {
    status: 422,
    message: 'The answer you claim is correct is not a valid answer to this question.',
  },
  // The core's CoreError codes (packages/core): a domain rule the request breaks. 422: the request
  // is well-formed, its content is not acceptable. CORE_RULE_VIOLATED takes any code not listed here.
  CORE_RULE_VIOLATED: { status: 422, message: 'This breaks a rule of the exam or the question.' },
  REVISION_NO_KEYS: {
    status: 422,
    message: 'A key revision that accepts answers must name at least one key.',
  },
  REVISION_INVALID_KEY: { status: 422, message: 'The revised answer key is not valid for this question.' },
  REVISION_UNKNOWN_QUESTION: {
    status: 422,
    message: 'The revision names a question that is not in this paper.',
  },
  REVISION_NOT_OPTION_QUESTION: {
    status: 422,
    message: 'Only a question with options can be revised this way.',
  },
  TIMING_SECTION_DURATION_MISSING: { status: 422, message: 'Every locked section needs a duration.' },
  TIMING_DURATION_MISMATCH: {
    status: 422,
    message: "The locked sections' durations must add up to the exam's duration.",
  },
  TIMING_COMPENSATORY_INVALID: {
    status: 422,
    message: 'Compensatory time must be a whole, non-negative number of milliseconds.',
  },
  SHUFFLE_POSITION_OUT_OF_RANGE: {
    status: 422,
    message: 'That question or option position is not in the paper.',
  },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  /** The client closed the connection; nobody reads this answer (499 as nginx logs it). */
  REQUEST_CANCELLED: { status: 499, message: 'The request was cancelled.' },
  STATEMENT_TIMEOUT: {
    status: 503,
    message: 'This took too long and was stopped. Try again, or ask for less at once.',
  },
  /** PostgreSQL restarting or unreachable: nothing was done; the exam room keeps saves in its journal and retries. */
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The database is unreachable for a moment. Try again shortly.',
  },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}
