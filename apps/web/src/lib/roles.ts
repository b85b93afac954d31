import type { Role } from '@acme/contracts';

const roleLabels: Record<Role, string> = {
  manager: 'Manager',
  sales: 'Sales',
  approver: 'Approver',
  member: 'Member',
};

export function roleLabel(role: Role): string {
  return roleLabels[role];
}
