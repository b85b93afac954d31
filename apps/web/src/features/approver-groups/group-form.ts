import { createApproverGroupInputSchema } from '@acme/contracts';
import { validateWith, type Validation } from '../../components/ui/form-errors';

export interface GroupFormValues {
  name: string;
  description: string;
  memberIds: string[];
}

export const emptyGroupForm: GroupFormValues = { name: '', description: '', memberIds: [] };

export type CreateGroupData = ReturnType<typeof createApproverGroupInputSchema.parse>;

export function validateGroupForm(values: GroupFormValues): Validation<CreateGroupData> {
  const description = values.description.trim();
  return validateWith(createApproverGroupInputSchema, {
    name: values.name,
    description: description === '' ? undefined : description,
    memberIds: values.memberIds,
  });
}
