/**
 * The one list of errors a client can see. Codes are stable API: clients and tests match on them,
 * so a code is never renamed, only added. Messages are for people and may be improved.
 */
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are missing or invalid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The upload is larger than allowed.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not supported here.' },
  AUTH_REQUIRED: { status: 401, message: 'Please sign in to continue.' },
  AUTH_INVALID_CREDENTIALS: { status: 401, message: 'The email or password is incorrect.' },
  AUTH_ACCOUNT_DISABLED: { status: 403, message: 'This account has been deactivated. Contact your institute.' },
  AUTH_RATE_LIMITED: { status: 429, message: 'Too many sign-in attempts. Please wait and try again.' },
  AUTH_WRONG_PASSWORD: { status: 400, message: 'The current password is incorrect.' },
  AUTH_PASSWORD_REUSED: { status: 400, message: 'Choose a password different from the current one.' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'The security token is missing or expired. Reload the page.' },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do this.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  BATCH_CODE_TAKEN: { status: 409, message: 'Another batch already uses this code.' },
  BATCH_STAFF_INVALID: { status: 400, message: 'Only teachers and proctors of this institute can be assigned.' },
  BATCH_INVALID: { status: 400, message: 'One or more batches do not exist in this institute.' },
  USER_EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  USER_CANNOT_DEACTIVATE_SELF: { status: 400, message: 'You cannot deactivate your own account.' },
  USER_CANNOT_CHANGE_OWN_ROLE: { status: 400, message: 'You cannot change your own role.' },
  INSTITUTE_SLUG_TAKEN: { status: 409, message: 'Another institute already uses this short name.' },
  IMPORT_INVALID: { status: 422, message: 'The file has errors. Nothing was imported.' },
  IMPORT_FILE_UNREADABLE: { status: 400, message: 'The file could not be read as CSV.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side. It has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
