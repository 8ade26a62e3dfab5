// Overview: task counts by status, the dispatcher, health checks, silos with their load, agents.
import { api, bytes, card, fill, h, pill, table, time, toast } from './lib.js';

const statuses = ['pending', 'running', 'paused', 'completed', 'error'];

export function overview(view) {
  const counts = h('div', { class: 'counts', id: 'counts' });
  const dispatcher = h('div', { id: 'dispatcher' });
  const health = h('div', { id: 'health' });
  const silos = h('div', { id: 'silos' });
  const agents = h('div', { id: 'agents-summary' });
  fill(view,
    h('h1', {}, 'Overview'),
    counts,
    h('div', { class: 'grid two' }, card('Dispatcher', dispatcher), card('Health', health)),
    card('Silos', silos),
    card('Agents', agents));

  async function toggle(running) {
    await api(`/api/v1/dispatcher/${running ? 'stop' : 'start'}`, { method: 'POST' });
    toast(running ? 'Dispatcher stopped: no new runs start.' : 'Dispatcher started.');
  }

  return {
    async update() {
      const [d, status, stats, checks] = await Promise.all([
        api('/api/v1/dispatcher/status'), api('/api/v1/status'), api('/api/v1/stats'), api('/health').catch((e) => e.problem)]);
      fill(counts,
        h('a', { class: 'count', href: '#/tasks' }, h('span', { class: 'number' }, d.total_tasks), h('span', {}, 'tasks')),
        statuses.map((s) => h('a', { class: `count count-${s}`, href: `#/tasks?status=${s}`, dataset: { status: s } },
          h('span', { class: 'number' }, d[`${s}_tasks`] ?? 0), h('span', {}, s))));
      fill(dispatcher,
        h('p', {}, d.is_running ? pill('running') : pill('stopped'), ' ',
          d.is_running ? 'Runs start when they come due.' : 'No new runs start; tasks that came due wait.'),
        h('p', { class: 'muted' }, d.changed_at ? `Changed ${time(d.changed_at)}` : ''),
        h('button', { onclick: () => toggle(d.is_running) }, d.is_running ? 'Stop the dispatcher' : 'Start the dispatcher'));
      const byName = Object.fromEntries((stats.silos ?? []).map((s) => [s.address, s]));
      fill(health,
        h('p', {}, pill(checks?.status ?? 'unknown'), ` ${status.service} ${status.version}, storage ${status.storage_mode}`),
        table(['Check', 'Status', 'Details'], Object.entries(checks?.checks ?? {}).map(([name, c]) =>
          [name, pill(c.status), Object.entries(c.details ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ')])));
      fill(silos, table(['Silo', 'Status', 'Address', 'Started', 'CPU', 'Memory', 'Activations', 'Runs/s', 'Metrics'],
        (status.silos ?? []).map((s) => {
          const load = byName[s.address] ?? {};
          return [s.name, pill(s.status), s.address, time(s.started_at), load.cpu_percent === undefined ? '—' : `${load.cpu_percent.toFixed(1)} %`,
            bytes(load.memory_bytes), load.activations ?? '—', load.runs_per_second ?? '—',
            s.metrics_url ? h('a', { href: s.metrics_url, target: '_blank', rel: 'noopener' }, 'metrics') : '—'];
        }), 'No silo is active.'));
      const a = status.agents ?? {};
      fill(agents, h('p', {}, `${a.online ?? 0} online, ${a.draining ?? 0} draining, ${a.offline ?? 0} offline; `,
        `${a.runs_on_agents ?? 0} runs on agents, ${a.runs_waiting ?? 0} waiting. `, h('a', { href: '#/agents' }, 'See the agents.')));
    },
  };
}
