/**
 * Running govflow as a service: how the engine REST API answers failures that are not the caller's fault
 * (concurrent updates from another node, tasks already completed elsewhere).
 */
package cn.govflow.system;
