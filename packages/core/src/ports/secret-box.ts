/** Port: encryption at rest for the master key (AES-256-GCM with key ids, design §3). */
export interface SecretBox {
  /** Returns a self-describing ciphertext (key id included). */
  seal(plaintext: string): string;
  /** Throws when the key id is unknown or the ciphertext was tampered with. */
  open(sealed: string): string;
}
