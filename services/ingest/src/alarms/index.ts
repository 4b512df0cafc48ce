export {
  AlarmEvaluator,
  type TAlarmEvaluatorCounters,
  type TAlarmEvaluatorOptions,
} from './alarm-evaluator.ts';
export { RuleMonitor, type TRuleDecision } from './rule-monitor.ts';
