/**
 * Translation of optimised RelNode trees and RexNodes into the engine's plan steps and expression
 * IR.
 */
package dev.millrace.planner.physical;
