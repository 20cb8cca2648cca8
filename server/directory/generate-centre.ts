import { Random } from '../lib/random.js';
import type { DirectoryFile } from './directory-file.js';

/**
 * A realistic contact centre for the demo and for benchmarks (SPEC §8 shape):
 * sites in Shanghai and Austin, each with its own queues (following its day), plus
 * around-the-clock queues (no location) that both sites staff; agents with
 * names of their site, assigned to one to four queues. Same seed, same centre.
 */

export interface CentreOptions {
  agents: number;
  queues: number;
  seed: number;
  /** Sites; default Shanghai and Austin. */
  locations?: readonly string[];
}

/** Queue names (English, Simplified Chinese) with their service-level threshold (seconds); around-the-clock ones are shared by every site. */
const QUEUES: readonly (readonly [name: string, zhCN: string, serviceLevelSeconds: number, allDay?: true])[] = [
  ['Sales', '销售', 20],
  ['Billing', '账单', 30],
  ['Technical Support', '技术支持', 30, true],
  ['VIP', 'VIP 专线', 15, true],
  ['Returns', '退货', 60],
  ['Onboarding', '新客户开通', 30],
  ['Account Management', '账户管理', 30],
  ['Retention', '客户挽留', 20],
  ['Orders', '订单', 20],
  ['Shipping', '物流配送', 45],
  ['Enterprise Support', '企业客户支持', 15, true],
  ['Claims', '理赔', 60, true],
  ['Payments', '支付', 30],
  ['Warranty', '保修', 60],
  ['Loyalty', '会员服务', 20],
  ['Activation', '激活', 30],
];

const WRAPUP_REASONS: readonly (readonly [name: string, zhCN: string])[] = [
  ['Resolved', '问题已解决'],
  ['Follow-up needed', '需要跟进'],
  ['Escalated', '已升级'],
  ['Billing question', '账单咨询'],
  ['Wrong number', '打错电话'],
  ['Information provided', '已提供信息'],
  ['Order placed', '已下单'],
  ['Technical issue', '技术问题'],
  ['Callback scheduled', '已预约回电'],
  ['Complaint logged', '已登记投诉'],
];

/** Unavailable reasons the state dialog offers; the simulator's agents take Break and Lunch. */
const STATE_REASONS: readonly (readonly [name: string, zhCN: string])[] = [
  ['Break', '休息'],
  ['Lunch', '午餐'],
  ['Meeting', '会议'],
  ['Training', '培训'],
  ['Coaching', '辅导'],
  ['Personal', '个人事务'],
];

/** [characters, pinyin]; surnames by rough frequency. */
const CHINESE_SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['林', 'lin'], ['罗', 'luo'], ['高', 'gao'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
];
const CHINESE_GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['娜', 'na'], ['芳', 'fang'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂英', 'guiying'], ['建华', 'jianhua'],
  ['晓东', 'xiaodong'], ['海燕', 'haiyan'], ['志强', 'zhiqiang'], ['丹', 'dan'], ['雪', 'xue'], ['婷', 'ting'], ['鑫', 'xin'],
  ['佳怡', 'jiayi'], ['子轩', 'zixuan'], ['宇航', 'yuhang'], ['欣然', 'xinran'], ['浩然', 'haoran'], ['梓涵', 'zihan'],
];
const ENGLISH_GIVEN = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'James', 'Isabella', 'Lucas', 'Mia', 'Mason', 'Amelia', 'Ethan', 'Harper',
  'Logan', 'Evelyn', 'Jackson', 'Abigail', 'Aiden', 'Emily', 'Carter', 'Ella', 'Jayden', 'Madison', 'Sebastian', 'Grace',
  'Mateo', 'Chloe', 'Henry', 'Zoe', 'Owen', 'Lily', 'Wyatt', 'Nora', 'Gabriel', 'Riley', 'Julian', 'Camila', 'Isaac',
  'Aria', 'Diego',
];
const ENGLISH_FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson',
  'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Scott', 'Nguyen', 'Hill', 'Flores', 'Green',
];
const CHINESE_SITES = new Set(['shanghai', 'beijing', 'shenzhen', 'guangzhou', 'hangzhou', 'chengdu']);

/** How many queues an agent is assigned: 1 to 4, mostly 2. */
const QUEUE_COUNT_WEIGHTS = [0.2, 0.35, 0.3, 0.15];
/** Every queue (and every site of a shared queue) gets at least this many agents when there are enough. */
const MIN_AGENTS_PER_QUEUE = 3;

const SUPERVISOR_NAMES = ['Ava', 'Ben', 'Chloe', 'Daniel', 'Emma', 'Felix', 'Grace', 'Hugo'];
const DEMO_PASSWORD = 'floorview-demo';

type Queue = DirectoryFile['queues'][number];
type Agent = DirectoryFile['agents'][number];

export function generateCentre(options: CentreOptions): DirectoryFile {
  const locations = [...(options.locations ?? ['Shanghai', 'Austin'])];
  if (locations.length === 0) throw new Error('generateCentre needs at least one location');
  const rng = new Random(options.seed);

  const queues: Queue[] = [];
  const allDay = new Set<string>();
  let sited = 0;
  for (let i = 0; i < options.queues; i++) {
    const [base, zhCN, serviceLevelSeconds, shared] = QUEUES[i % QUEUES.length]!;
    const round = Math.floor(i / QUEUES.length);
    const numbered = (text: string) => (round === 0 ? text : `${text} ${round + 1}`);
    const name = numbered(base);
    const id = `q-${slug(name)}`;
    const location = shared ? undefined : locations[sited++ % locations.length];
    if (shared) allDay.add(id);
    queues.push({ id, name, names: { 'zh-CN': numbered(zhCN) }, ...(location ? { location } : {}), serviceLevelSeconds, shortAbandonSeconds: 5, serviceLevelTarget: 0.8 });
  }
  const popularity = new Map(queues.map((q) => [q.id, rng.between(0.6, 1.6)]));
  const eligible = (location: string) => queues.filter((q) => q.location === location || allDay.has(q.id)).map((q) => q.id);

  const names = new Set<string>();
  const emails = new Set<string>();
  const width = Math.max(3, String(options.agents).length);
  const agents: Agent[] = [];
  for (let i = 0; i < options.agents; i++) {
    const location = locations[i % locations.length]!;
    const person = uniquePerson(rng, CHINESE_SITES.has(location.toLowerCase()), names);
    const email = uniqueEmail(person.emailName, emails);
    const choices = eligible(location);
    const count = Math.min(choices.length, rng.weighted(QUEUE_COUNT_WEIGHTS) + 1);
    // The demo's agents sign in to the agent desk (demo/agent.html) with the demo password too.
    agents.push({ id: `a-${String(i + 1).padStart(width, '0')}`, name: person.name, location, email, queues: pickWeighted(rng, choices, popularity, count), password: DEMO_PASSWORD });
  }
  fillThinQueues(queues, agents, allDay, locations);
  for (const a of agents) a.queues.sort();

  // A site supervisor oversees that site's queues (and so only its agents); the shared around-the-clock queues are the admin's.
  const siteQueues = (location: string) => queues.filter((q) => q.location === location).map((q) => q.id);
  const allQueues = queues.map((q) => q.id);
  const supervisors: DirectoryFile['supervisors'] = locations.map((location, i) => {
    const name = SUPERVISOR_NAMES[i % SUPERVISOR_NAMES.length]! + (i >= SUPERVISOR_NAMES.length ? ` ${i + 1}` : '');
    const email = `${slug(name).replace(/-/g, '.')}@example.com`;
    return { id: `s-${slug(name)}`, name, email, password: DEMO_PASSWORD, queues: siteQueues(location), admin: false };
  });
  supervisors.push({ id: 's-admin', name: 'Admin', email: 'admin@example.com', password: DEMO_PASSWORD, queues: allQueues, admin: true });

  return {
    locations,
    queues,
    agents,
    supervisors,
    wrapupReasons: WRAPUP_REASONS.map(([name, zhCN]) => ({ id: `w-${slug(name)}`, name, names: { 'zh-CN': zhCN } })),
    stateReasons: STATE_REASONS.map(([name, zhCN]) => ({ name, names: { 'zh-CN': zhCN } })),
    integrationKeys: [{ id: 'pbx-demo', secret: 'pbx-demo-secret-change-me' }],
    displayTokens: [{ id: 'wallboard-demo', secret: 'wallboard-demo-secret-change-me', queues: allQueues }],
    // The defaults, spelled out so a reader of demo/centre.json sees what can be set (serviceLevelBelow defaults to each queue's target).
    alerts: {
      queue: { waitingAtLeast: 5, longestWaitAtLeastSeconds: 120, agentsShortAtLeast: 2 },
      queues: {},
      agent: { unavailableAtLeastSeconds: 3_600, holdAtLeastSeconds: 300, wrapupAtLeastSeconds: 300, ringNoAnswerPerHourAtLeast: 3 },
      serviceLevelMinCalls: 10,
      raiseAfterSeconds: 10,
      clearAfterSeconds: 60,
    },
  };
}

/** The centre as a JSON file a person can read: one queue, agent or supervisor per line. */
export function centreJson(centre: DirectoryFile): string {
  const sections = Object.entries(centre).map(([key, value]) => {
    const items = Array.isArray(value) && value.some((v) => typeof v === 'object') ? value : null;
    if (!items) return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    return `  ${JSON.stringify(key)}: [\n${items.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
  });
  return `{\n${sections.join(',\n')}\n}\n`;
}

function uniquePerson(rng: Random, chinese: boolean, taken: Set<string>): { name: string; emailName: string } {
  let person = { name: '', emailName: '' };
  // Redraw a few times so names rarely repeat; big centres do have namesakes.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (chinese) {
      const [family, familyPinyin] = CHINESE_SURNAMES[rng.weighted(CHINESE_SURNAMES.map((_, i) => 1 / (i + 3)))]!;
      const [given, givenPinyin] = rng.pick(CHINESE_GIVEN);
      person = { name: family + given, emailName: `${familyPinyin}.${givenPinyin}` };
    } else {
      const given = rng.pick(ENGLISH_GIVEN);
      const family = rng.pick(ENGLISH_FAMILY);
      person = { name: `${given} ${family}`, emailName: `${given}.${family}`.toLowerCase() };
    }
    if (!taken.has(person.name)) break;
  }
  taken.add(person.name);
  return person;
}

function uniqueEmail(local: string, taken: Set<string>): string {
  let email = `${local}@example.com`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@example.com`;
  taken.add(email);
  return email;
}

function pickWeighted(rng: Random, choices: readonly string[], weight: ReadonlyMap<string, number>, count: number): string[] {
  const left = [...choices];
  const picked: string[] = [];
  while (picked.length < count && left.length > 0) {
    const i = rng.weighted(left.map((q) => weight.get(q)!));
    picked.push(left.splice(i, 1)[0]!);
  }
  return picked;
}

/** Tops up queues (and each site's part of a shared queue) that drew too few agents, from the agents with fewest queues. */
function fillThinQueues(queues: readonly Queue[], agents: Agent[], allDay: ReadonlySet<string>, locations: readonly string[]): void {
  for (const q of queues) {
    const sites = allDay.has(q.id) ? locations : [q.location!];
    for (const site of sites) {
      const local = agents.filter((a) => a.location === site);
      const want = Math.min(MIN_AGENTS_PER_QUEUE, local.length);
      let have = local.filter((a) => a.queues.includes(q.id)).length;
      const candidates = local.filter((a) => !a.queues.includes(q.id)).sort((a, b) => a.queues.length - b.queues.length);
      for (const a of candidates) {
        if (have >= want) break;
        a.queues.push(q.id);
        have++;
      }
    }
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
