define hidden range(i32 4, 10) i32 @fvp_100b0_caller(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p22 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p22, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %4 = add i64 %x2, -8
  %inrange = icmp ult i64 %4, 274877906937
  br i1 %inrange, label %mem.ok, label %fault

b_100b8:                                          ; preds = %fvp_100c0_callee.exit.thread, %entry.switch
  %instret.slot.0 = phi i64 [ %instret, %entry.switch ], [ %instret.n.i87, %fvp_100c0_callee.exit.thread ]
  %x2.slot.0 = phi i64 [ %x2, %entry.switch ], [ %6, %fvp_100c0_callee.exit.thread ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch ], [ %7, %fvp_100c0_callee.exit.thread ]
  %5 = add i64 %x2.slot.0, 8
  %inrange46 = icmp ult i64 %5, 274877906937
  br i1 %inrange46, label %mem.ok47, label %fault

common.ret82:                                     ; preds = %fvp_100c0_callee.exit, %exit, %fault, %fvp_100c0_callee.exit81
  %common.ret82.op = phi i32 [ %exit.reason.i77, %fvp_100c0_callee.exit81 ], [ %exit.reason, %exit ], [ 7, %fault ], [ 9, %fvp_100c0_callee.exit ]
  ret i32 %common.ret82.op

exit:                                             ; preds = %start, %mem.ok47
  %instret.slot.1 = phi i64 [ %instret, %start ], [ %instret.slot.0, %mem.ok47 ]
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld, %mem.ok47 ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %10, %mem.ok47 ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %9, %mem.ok47 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %11, %mem.ok47 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %mem.ok47 ]
  %exit.count = phi i64 [ 0, %start ], [ 4, %mem.ok47 ]
  %instret.n = add i64 %exit.count, %instret.slot.1
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x1.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p22, align 8, !tbaa !5
  br label %common.ret82

fault:                                            ; preds = %b_100b8, %b_100b0
  %trap.pc14 = phi i64 [ 65714, %b_100b0 ], [ 65722, %b_100b8 ]
  %trap.cause15 = phi i64 [ 15, %b_100b0 ], [ 13, %b_100b8 ]
  %trap.tval16 = phi i64 [ %4, %b_100b0 ], [ %5, %b_100b8 ]
  store i64 %trap.pc14, ptr %pc.p22, align 8, !tbaa !5
  %cause.p19 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 %trap.cause15, ptr %cause.p19, align 8, !tbaa !5
  %tval.p20 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval16, ptr %tval.p20, align 8, !tbaa !5
  %pending.p21 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p21, align 4
  br label %common.ret82

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65720
  br i1 %cond, label %b_100b8, label %b_100b0

mem.ok:                                           ; preds = %b_100b0
  %6 = add nsw i64 %x2, -16
  %host = getelementptr i8, ptr %mem_base, i64 %4
  store i64 %x1, ptr %host, align 1, !tbaa !8
  %instret.n28 = add i64 %instret, 3
  store i64 65720, ptr %1, align 8, !tbaa !5
  store i64 %6, ptr %2, align 8, !tbaa !5
  %depth.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %depth = load i64, ptr %depth.p, align 8, !tbaa !5
  %deep = icmp ugt i64 %depth, 1023
  %req.i73 = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i74" = icmp eq i32 %req.i73, 0
  br i1 %deep, label %hcall.deep, label %hcall

hcall:                                            ; preds = %mem.ok
  br i1 %"stop?.not.i74", label %fvp_100c0_callee.exit.thread, label %fvp_100c0_callee.exit

fvp_100c0_callee.exit.thread:                     ; preds = %hcall
  %7 = shl i64 %x10, 1
  %instret.n.i87 = add i64 %instret, 5
  store i64 %instret.n.i87, ptr %0, align 8, !tbaa !5
  store i64 %7, ptr %3, align 8, !tbaa !5
  store i64 %depth, ptr %depth.p, align 8, !tbaa !5
  br label %b_100b8

fvp_100c0_callee.exit:                            ; preds = %hcall
  store i64 %instret.n28, ptr %0, align 8, !tbaa !5
  store i64 65728, ptr %pc.p22, align 8, !tbaa !5
  store i64 %depth, ptr %depth.p, align 8, !tbaa !5
  br label %common.ret82

hcall.deep:                                       ; preds = %mem.ok
  br i1 %"stop?.not.i74", label %entry.switch.i80, label %fvp_100c0_callee.exit81

entry.switch.i80:                                 ; preds = %hcall.deep
  %8 = shl i64 %x10, 1
  br label %fvp_100c0_callee.exit81

fvp_100c0_callee.exit81:                          ; preds = %hcall.deep, %entry.switch.i80
  %x10.slot.0.i75 = phi i64 [ %x10, %hcall.deep ], [ %8, %entry.switch.i80 ]
  %exit.pc.i76 = phi i64 [ 65728, %hcall.deep ], [ 65720, %entry.switch.i80 ]
  %exit.reason.i77 = phi i32 [ 9, %hcall.deep ], [ 4, %entry.switch.i80 ]
  %exit.count.i78 = phi i64 [ 0, %hcall.deep ], [ 2, %entry.switch.i80 ]
  %instret.n.i79 = add i64 %exit.count.i78, %instret.n28
  store i64 %instret.n.i79, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.0.i75, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc.i76, ptr %pc.p22, align 8, !tbaa !5
  br label %common.ret82

mem.ok47:                                         ; preds = %b_100b8
  %9 = add i64 %x10.slot.0, 1
  %host49 = getelementptr i8, ptr %mem_base, i64 %5
  %ld = load i64, ptr %host49, align 1, !tbaa !8
  %10 = add nsw i64 %x2.slot.0, 16
  %11 = and i64 %ld, -2
  br label %exit
}

define hidden range(i32 4, 10) i32 @fvp_100c0_callee(ptr %cpu) local_unnamed_addr #1 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8, !tbaa !5
  %pc.p18 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p18, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %3, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %4, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  %exit.count = phi i64 [ 0, %start ], [ 2, %entry.switch ]
  %instret.n = add i64 %exit.count, %instret
  store i64 %instret.n, ptr %0, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p18, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %3 = shl i64 %x10, 1
  %4 = and i64 %x1, -2
  br label %exit
}
