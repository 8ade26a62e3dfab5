// Agents: who is online, their labels and load; drain one.
import { api, fill, h, pill, relative, table, toast } from './lib.js';

export function agents(view) {
  const list = h('div', { id: 'agent-list' });
  fill(view, h('h1', {}, 'Agents'),
    h('p', { class: 'muted' }, 'Remote workers connected over a WebSocket run agent tasks (run ', h('code', {}, 'ops/cli/actors agent'), ' on a machine to add one).'),
    h('section', { class: 'card' }, list));

  async function drain(name) {
    try {
      await api(`/api/v1/agents/${encodeURIComponent(name)}/drain`, { method: 'POST' });
      toast(`Agent ${name} is draining.`);
    } catch (e) { toast(e.message, 'error'); }
  }

  return {
    async update() {
      const result = await api('/api/v1/agents');
      fill(list, table(['Agent', 'State', 'Labels', 'Task types', 'Load', 'Waiting', 'Last heartbeat', 'Version', ''],
        result.agents.map((a) => {
          const load = a.runs_in_flight.length;
          return [a.name, pill(a.draining ? 'draining' : a.online ? 'online' : 'offline'),
            a.labels.map((l) => h('span', { class: 'tag' }, l)), a.task_types.length ? a.task_types.join(', ') : 'any',
            h('span', { class: 'load' }, h('meter', { min: 0, max: a.max_concurrent, value: load }), ` ${load} / ${a.max_concurrent}`),
            a.runs_waiting, relative(a.last_heartbeat), a.version ?? '—',
            a.online && !a.draining ? h('button', { onclick: () => drain(a.name) }, 'Drain') : ''];
        }), 'No agent has connected yet.'));
    },
  };
}
