/** Port: randomness. Defaults must be a CSPRNG (pairing codes, jtis). */
export interface Random {
  bytes(length: number): Uint8Array;
  uuid(): string;
}
