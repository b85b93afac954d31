import { z } from 'zod';

export const roleSchema = z.enum(['manager', 'sales', 'approver', 'member']);
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Invalid id');

export const userSchema = z.object({
  id: idSchema,
  email: z.email(),
  name: z.string().min(1).max(120),
  role: roleSchema,
});
export type User = z.infer<typeof userSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254));

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(256),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const createUserInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  password: z.string().min(8, 'Use at least 8 characters').max(256),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;
