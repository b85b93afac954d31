import { createLeadInputSchema } from '@acme/contracts';
import { validateWith, type Validation } from '../../components/ui/form-errors';

export interface LeadFormValues {
  name: string;
  company: string;
  email: string;
  phone: string;
  /** As typed: "12,000", "$ 12000.50". */
  value: string;
  source: string;
}

export const emptyLeadForm: LeadFormValues = {
  name: '',
  company: '',
  email: '',
  phone: '',
  value: '',
  source: '',
};

/** Common sources, offered as suggestions; any text is fine. */
export const leadSources = ['Website', 'Referral', 'Event', 'Cold outreach', 'Partner'];

/** A typed amount as a number: currency signs, spaces and thousands commas are ignored. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text.replace(/[\s$,]/g, '');
  if (cleaned === '') return undefined;
  // Number('') is 0 and Number('1e3') is 1000: only plain decimals count as amounts.
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

export function toCreateLeadInput(values: LeadFormValues) {
  return {
    name: values.name,
    company: blankToUndefined(values.company),
    email: blankToUndefined(values.email),
    phone: blankToUndefined(values.phone),
    value: parseAmount(values.value),
    source: blankToUndefined(values.source),
  };
}

export type CreateLeadData = ReturnType<typeof createLeadInputSchema.parse>;

export function validateLeadForm(values: LeadFormValues): Validation<CreateLeadData> {
  return validateWith(createLeadInputSchema, toCreateLeadInput(values));
}

/** "$12,000", or "$12,000.50" when there are cents. */
export function formatAmount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: Number.isInteger(value) ? 0 : 2,
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
  }).format(value);
}
