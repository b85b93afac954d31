/**
 * The Redis key layout of the domain records. Every key starts with the hash tag `{domain}:`,
 * so a record and all its index entries change in one Lua script, also on Redis Cluster.
 *
 * - `task:<id>`, `lead:<id>`, `reminder:<id>`, `group:<id>`: STRING, the record as JSON.
 * - index ZSETs, all scores 0, members `<createdAt ms, 15 digits>:<id>` so they sort newest
 *   last in lex order, paged newest first with ZREVRANGEBYLEX (see pages.ts).
 * - `group-name:<normalized name>`: STRING, the id of the group holding that name.
 */
const tag = '{domain}';

export const domainKeys = {
  task: (id: string) => `${tag}:task:${id}`,
  tasksAll: `${tag}:tasks:all`,
  tasksCreatedBy: (userId: string) => `${tag}:tasks:created:${userId}`,
  tasksAssignedTo: (userId: string) => `${tag}:tasks:assigned:${userId}`,
  /** Created by or assigned to the user. */
  tasksVisibleTo: (userId: string) => `${tag}:tasks:visible:${userId}`,

  lead: (id: string) => `${tag}:lead:${id}`,
  leadsAll: `${tag}:leads:all`,
  /** Created by or assigned to the user. */
  leadsVisibleTo: (userId: string) => `${tag}:leads:visible:${userId}`,

  reminder: (id: string) => `${tag}:reminder:${id}`,
  remindersOfTask: (taskId: string) => `${tag}:reminders:task:${taskId}`,
  remindersCreatedBy: (userId: string) => `${tag}:reminders:created:${userId}`,

  group: (id: string) => `${tag}:group:${id}`,
  groupName: (name: string) => `${tag}:group-name:${name.normalize('NFKC').toLowerCase()}`,
  groupsAll: `${tag}:groups:all`,
  /** Created by the user or listing them as a member. */
  groupsVisibleTo: (userId: string) => `${tag}:groups:visible:${userId}`,
};
