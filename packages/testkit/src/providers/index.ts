export { freeAgent } from './free-agent.js';
