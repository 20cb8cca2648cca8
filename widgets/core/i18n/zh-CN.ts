import type { CoreKey } from './en.js';

/** 各组件共用的简体中文文字(术语与主管指南一致)。 */
export const coreZhCN: Record<CoreKey, string> = {
  'connection.connecting': '正在连接…',
  'connection.live': '实时',
  'connection.reconnecting': '正在重新连接…',
  'connection.offline': '离线',
  'connection.unauthenticated': '未登录',
  'connection.staleAsOf': '数据截至 {time}',
  'connection.platform.reconnecting': '电话系统自 {time} 起正在重新连接',
  'connection.platform.failed': '电话系统自 {time} 起已断开',

  'signIn.title': '登录 Floorview',
  'signIn.email': '电子邮件',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.or': '或',
  'signIn.withProvider': '使用 {provider} 登录',
  'signIn.tokenRefused': 'Floorview 服务器拒绝了此组件的令牌。请向门户管理员申请新令牌。',
  'signIn.tokenUnavailable': '门户未向此组件提供登录令牌。组件会再次请求；如果问题持续，请重新登录门户。',

  'error.network': '无法连接 Floorview 服务器。',
  'error.dismiss': '关闭',

  'state.available': '可用',
  'state.unavailable': '不可用',
  'state.signed_out': '已签出',

  'contactState.idle': '空闲',
  'contactState.ringing': '振铃',
  'contactState.connected': '已接通',
  'contactState.hold': '保持',
  'contactState.wrapup': '收尾',
  'direction.outbound': '外呼',

  'mode.monitor': '监听',
  'mode.coach': '私聊教练',
  'mode.barge': '强插',

  'dialog.cancel': '取消',
  'dialog.close': '关闭',

  'export.csv': '导出 CSV',
  'export.csvLabel': '导出 CSV:当前显示的{table}',
  'export.seconds': '{column}(秒)',
};
