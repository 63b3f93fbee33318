import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The center the browser tests share: 1-first-day creates it through the setup wizard and
 * invitations, later files sign in as these people (one wrangler dev, one organization, files
 * run in name order — see the e2e project's sequencer in vitest.config.ts).
 */

export const admin = {
  name: '周主任',
  email: 'director@xinqing.example',
  passphrase: '春天的湖边有三棵柳树和一只白鹭',
};

export const counselor = {
  name: '王芳',
  email: 'wang.fang@xinqing.example',
  passphrase: '我家的猫叫小白今年三岁了喜欢晒太阳',
  changedPassphrase: '楼下的面包店每天早上七点开门卖豆沙包',
  /** the passphrase 1-first-day leaves the counselor with */
  recoveredPassphrase: '周末去山里看红叶顺便带上两壶热茶',
};

export const supervisor = {
  name: '陈督导',
  email: 'chen.supervisor@xinqing.example',
  passphrase: '秋天的银杏叶落满了学校门口的小路',
};

export const frontDesk = {
  name: '李前台',
  email: 'li.frontdesk@xinqing.example',
  passphrase: '每天早上八点半打开大门给绿萝浇水',
};

/** Takes over the counselor's cases in the recovery ceremony (99-recovery). */
export const secondCounselor = {
  name: '刘咨询师',
  email: 'liu.counselor@xinqing.example',
  passphrase: '图书馆三楼靠窗的位置可以看到整片梧桐',
};

/** Holds the director role the recovery ceremony needs (the first admin is an admin only). */
export const director = {
  name: '孙主任',
  email: 'sun.director@xinqing.example',
  passphrase: '冬天的早晨喝一碗热腾腾的小米粥最舒服',
};

/**
 * The Shamir shares of the org recovery key, printed once by the setup wizard in 1-first-day and
 * typed back by the directors in 99-recovery. The files run in separate workers, so the sheet is
 * kept in a file beside the screenshots (test data of a throwaway organization).
 */
const SHARES_FILE = join(process.cwd(), 'test-results', 'e2e-recovery-shares.json');

export async function keepPrintedShares(shares: readonly string[]): Promise<void> {
  await mkdir(dirname(SHARES_FILE), { recursive: true });
  await writeFile(SHARES_FILE, JSON.stringify(shares));
}

export async function printedShares(): Promise<string[]> {
  return JSON.parse(await readFile(SHARES_FILE, 'utf8')) as string[];
}
