/**
 * What clerks meet in Camunda Tasklist: the shared task filters (我的待办, 即将到期, 已超期, 待补正), in Chinese.
 */
package cn.govflow.tasklist;
