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
