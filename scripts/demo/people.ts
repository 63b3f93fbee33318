import type { Role } from '../../core/api/index.js';

/** The demo center: who works there. Passphrases are for a local demo only. */
export interface DemoPerson {
  displayName: string;
  email: string;
  roles: Role[];
  passphrase: string;
}

const person = (displayName: string, login: string, roles: Role[]): DemoPerson => ({
  displayName,
  email: `${login}@xinqing.example`,
  roles,
  passphrase: `demo ${login} 心晴 2026`,
});

export const DEMO_ORGANIZATION = '心晴心理咨询中心';

export const DEMO_ADMIN = person('周敏（主任）', 'director', ['admin', 'director']);

export const DEMO_STAFF: DemoPerson[] = [
  person('王芳', 'wang.fang', ['counselor']),
  person('李静', 'li.jing', ['counselor']),
  person('张伟', 'zhang.wei', ['counselor']),
  person('刘洋', 'liu.yang', ['counselor']),
  person('陈晨', 'chen.chen', ['counselor']),
  person('杨雪', 'yang.xue', ['counselor']),
  person('赵磊', 'zhao.lei', ['counselor']),
  person('黄丽', 'huang.li', ['counselor']),
  person('孙教授（督导）', 'sun.supervisor', ['supervisor']),
  person('吴老师（督导）', 'wu.supervisor', ['supervisor', 'counselor']),
  person('郑前台', 'frontdesk', ['frontdesk']),
  person('钱会计', 'finance', ['finance']),
];

/** More counselors for `--scale large`: 咨询师 01, 咨询师 02, … with logins counselor01, counselor02, … */
export function extraCounselors(count: number): DemoPerson[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return person(`咨询师 ${number}`, `counselor${number}`, ['counselor']);
  });
}
