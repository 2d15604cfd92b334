/** The id of a stored row as an input: a positive 32-bit integer (PostgreSQL `integer` identity columns; SQLite the same range). */
import { z } from 'zod';

export const MAX_ROW_ID = 2_147_483_647;

export const rowId = z.number().int().positive().max(MAX_ROW_ID);
