export { Subscription, type TeardownLogic } from './internal/Subscription';
export { Subject } from './internal/Subject';
