/**
 * The demo tenant's people, known to the embedded issuer (npm start). The domain seed creates their
 * memberships; these are only sign-in credentials. One shared demo password, printed at start.
 */
export const DEMO_PASSWORD = 'ingot-demo-2026';

export const DEMO_USERS = [
  { email: 'admin@east-china-al.demo', name: '王敏 (Wang Min)' },
  { email: 'planner@east-china-al.demo', name: '李强 (Li Qiang)' },
  { email: 'admin@jiangnan-copper.demo', name: '陈静 (Chen Jing)' },
  { email: 'platform@ingot.demo', name: 'Ingot Platform Admin' },
] as const;
