import bcrypt from 'bcryptjs';

// bcrypt with cost 12 (~250 ms in pure JS). Tests may lower it via BCRYPT_COST.
const cost = () => Number(process.env.BCRYPT_COST ?? 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash to compare against when the account does not exist, so a wrong email
// takes as long as a wrong password.
let dummyHash: string | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= await bcrypt.hash('not-a-real-password', cost());
  await bcrypt.compare(password, dummyHash);
}
