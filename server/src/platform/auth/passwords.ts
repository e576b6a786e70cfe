import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's 2024 minimum (19 MiB, 2 passes): about 9 ms of one core on the 2-core dev VM,
// ~100 a second per core (docs/BENCHMARKS.md, "Sign-in throughput"), so a login burst stays cheap.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function isPasswordCorrect(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// No look-alike characters (0/O, 1/l/I): temporary passwords are read aloud and typed by students.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function generateTemporaryPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

let dummyHash: Promise<string> | null = null;

/** Verifies against a throwaway hash so an unknown email costs the same time as a wrong password. */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(generateTemporaryPassword(24));
  await isPasswordCorrect(await dummyHash, password);
}
