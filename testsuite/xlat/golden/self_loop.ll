define hidden i32 @fvp_100b0_self_loop(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %pc.p19 = getelementptr inbounds i8, ptr %cpu, i64 512
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %x1135 = load i64, ptr %0, align 8, !tbaa !5
  %x2136 = load i64, ptr %1, align 8, !tbaa !5
  %x10137 = load i64, ptr %2, align 8, !tbaa !5
  %x11138 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.i139 = load i64, ptr %mem_base.p, align 8
  %pc141 = load i64, ptr %pc.p19, align 8
  %req142 = load volatile i32, ptr %req.p, align 4
  %"stop?.not143" = icmp eq i32 %req142, 0
  br i1 %"stop?.not143", label %entry.switch.lr.ph, label %exit

entry.switch.lr.ph:                               ; preds = %start
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %mem_base148.peel = inttoptr i64 %mem_base.i139 to ptr
  %cond.peel = icmp eq i64 %pc141, 65726
  br i1 %cond.peel, label %b_100be.peel, label %loop_100b0.peel

b_100be.peel:                                     ; preds = %hcall.ret.peel, %entry.switch.lr.ph
  %x2.slot.1.peel = phi i64 [ %x2136, %entry.switch.lr.ph ], [ %x249.peel, %hcall.ret.peel ]
  %x10.slot.1.peel = phi i64 [ %x10137, %entry.switch.lr.ph ], [ %x1050.peel, %hcall.ret.peel ]
  %4 = add i64 %x10.slot.1.peel, 1
  br label %b_100c0.peel

b_100c0.peel:                                     ; preds = %b_100b0.peel, %b_100be.peel
  %x2.slot.2.peel = phi i64 [ %x2.slot.1.peel, %b_100be.peel ], [ %7, %b_100b0.peel ]
  %x10.slot.2.peel = phi i64 [ %4, %b_100be.peel ], [ 0, %b_100b0.peel ]
  %clamp54.peel = tail call i64 @llvm.umin.i64(i64 %x2.slot.2.peel, i64 274877906944)
  %host55.peel = getelementptr i8, ptr %mem_base148.peel, i64 %clamp54.peel
  %ld.peel = load i64, ptr %host55.peel, align 1, !tbaa !8
  %inrange.peel = icmp ult i64 %ld.peel, 274877906937
  br i1 %inrange.peel, label %mem.ok.peel, label %fault63

mem.ok.peel:                                      ; preds = %b_100c0.peel
  %5 = add i64 %x2.slot.2.peel, 16
  %clamp.base57.peel = tail call i64 @llvm.umin.i64(i64 %x2.slot.2.peel, i64 274877908992)
  %6 = getelementptr i8, ptr %mem_base148.peel, i64 %clamp.base57.peel
  %host59.peel = getelementptr i8, ptr %6, i64 8
  %ld60.peel = load i64, ptr %host59.peel, align 1, !tbaa !8
  %host64.peel = getelementptr i8, ptr %mem_base148.peel, i64 %ld.peel
  %ld65.peel = load i64, ptr %host64.peel, align 1, !tbaa !8
  %.not.peel = icmp eq i64 %ld65.peel, 0
  br i1 %.not.peel, label %cont68, label %loop_100b0.peel

loop_100b0.peel:                                  ; preds = %mem.ok.peel, %entry.switch.lr.ph
  %x1.slot.0.peel = phi i64 [ %ld60.peel, %mem.ok.peel ], [ %x1135, %entry.switch.lr.ph ]
  %x2.slot.0.peel = phi i64 [ %5, %mem.ok.peel ], [ %x2136, %entry.switch.lr.ph ]
  %x10.slot.0.peel = phi i64 [ %x10.slot.2.peel, %mem.ok.peel ], [ %x10137, %entry.switch.lr.ph ]
  %x11.slot.0.peel = phi i64 [ %ld65.peel, %mem.ok.peel ], [ %x11138, %entry.switch.lr.ph ]
  %req21.peel = load volatile i32, ptr %req.p, align 4
  %"stop?23.not.peel" = icmp eq i32 %req21.peel, 0
  br i1 %"stop?23.not.peel", label %b_100b0.peel, label %stop22.peel

stop22.peel:                                      ; preds = %loop_100b0.peel
  store i64 %x1.slot.0.peel, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.0.peel, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.0.peel, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0.peel, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %poll.peel = tail call i32 @fvp_poll(ptr nonnull %cpu) #4
  %poll.back.peel = icmp eq i32 %poll.peel, 0
  br i1 %poll.back.peel, label %b_100b0.peel, label %common.ret

b_100b0.peel:                                     ; preds = %stop22.peel, %loop_100b0.peel
  %7 = add i64 %x2.slot.0.peel, -16
  %clamp.base.peel = tail call i64 @llvm.umin.i64(i64 %7, i64 274877908992)
  %8 = getelementptr i8, ptr %mem_base148.peel, i64 %clamp.base.peel
  %host.peel = getelementptr i8, ptr %8, i64 8
  store i64 %x1.slot.0.peel, ptr %host.peel, align 1, !tbaa !8
  %clamp34.peel = tail call i64 @llvm.umin.i64(i64 %7, i64 274877906944)
  %host35.peel = getelementptr i8, ptr %mem_base148.peel, i64 %clamp34.peel
  store i64 %x11.slot.0.peel, ptr %host35.peel, align 1, !tbaa !8
  %9 = icmp eq i64 %x10.slot.0.peel, 0
  br i1 %9, label %b_100c0.peel, label %cont.peel

cont.peel:                                        ; preds = %b_100b0.peel
  %10 = add i64 %x10.slot.0.peel, -1
  %host.sp.peel = tail call i64 @llvm.read_register.i64(metadata !10)
  %sp.limit.peel = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep.peel = icmp ult i64 %host.sp.peel, %sp.limit.peel
  br i1 %deep.peel, label %hcall.deep.peel, label %hcall.peel

hcall.peel:                                       ; preds = %cont.peel
  %r46.peel = tail call preserve_nonecc i32 @fvp_100b0_self_loop.rec(ptr nonnull %cpu, i64 %7, i64 %10, i64 %x11.slot.0.peel) #4
  %ret.pc.peel = load i64, ptr %pc.p19, align 8, !tbaa !5
  %here.peel = icmp eq i64 %ret.pc.peel, 65726
  %returned.peel = icmp eq i32 %r46.peel, 4
  %ret.ok.peel = and i1 %returned.peel, %here.peel
  br i1 %ret.ok.peel, label %hcall.ret.peel, label %common.ret

hcall.ret.peel:                                   ; preds = %hcall.peel
  %x249.peel = load i64, ptr %1, align 8, !tbaa !5
  %x1050.peel = load i64, ptr %2, align 8, !tbaa !5
  br label %b_100be.peel

hcall.deep.peel:                                  ; preds = %cont.peel
  store i64 65726, ptr %0, align 8, !tbaa !5
  store i64 %7, ptr %1, align 8, !tbaa !5
  store i64 %10, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0.peel, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %mem_base.i.peel = load i64, ptr %mem_base.p, align 8
  %req.peel = load volatile i32, ptr %req.p, align 4
  %"stop?.not.peel" = icmp eq i32 %req.peel, 0
  br i1 %"stop?.not.peel", label %entry.switch, label %exit

b_100b0:                                          ; preds = %stop22, %loop_100b0
  %11 = add i64 %x2.slot.0, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %11, i64 274877908992)
  %gep = getelementptr i8, ptr %invariant.gep, i64 %clamp.base
  store i64 %x1.slot.0, ptr %gep, align 1, !tbaa !8
  %clamp34 = tail call i64 @llvm.umin.i64(i64 %11, i64 274877906944)
  %host35 = getelementptr i8, ptr %mem_base148, i64 %clamp34
  store i64 %x11.slot.0, ptr %host35, align 1, !tbaa !8
  %12 = icmp eq i64 %x10.slot.0, 0
  br i1 %12, label %b_100c0, label %cont

loop_100b0:                                       ; preds = %entry.switch, %mem.ok
  %x1.slot.0 = phi i64 [ %ld60, %mem.ok ], [ 65726, %entry.switch ]
  %x2.slot.0 = phi i64 [ %15, %mem.ok ], [ %x2145, %entry.switch ]
  %x10.slot.0 = phi i64 [ %x10.slot.2, %mem.ok ], [ %x10146, %entry.switch ]
  %x11.slot.0 = phi i64 [ %ld65, %mem.ok ], [ %x11147, %entry.switch ]
  %req21 = load volatile i32, ptr %req.p, align 4
  %"stop?23.not" = icmp eq i32 %req21, 0
  br i1 %"stop?23.not", label %b_100b0, label %stop22

b_100be:                                          ; preds = %hcall
  %x1050 = load i64, ptr %2, align 8, !tbaa !5
  %x249 = load i64, ptr %1, align 8, !tbaa !5
  %13 = add i64 %x1050, 1
  br label %b_100c0

b_100c0:                                          ; preds = %b_100b0, %b_100be
  %x2.slot.2 = phi i64 [ %x249, %b_100be ], [ %11, %b_100b0 ]
  %x10.slot.2 = phi i64 [ %13, %b_100be ], [ 0, %b_100b0 ]
  %clamp54 = tail call i64 @llvm.umin.i64(i64 %x2.slot.2, i64 274877906944)
  %host55 = getelementptr i8, ptr %mem_base148, i64 %clamp54
  %ld = load i64, ptr %host55, align 1, !tbaa !8
  %inrange = icmp ult i64 %ld, 274877906937
  br i1 %inrange, label %mem.ok, label %fault63

common.ret:                                       ; preds = %hcall, %stop22, %stop22.peel, %hcall.peel, %fault63, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault63 ], [ %poll.peel, %stop22.peel ], [ %r46.peel, %hcall.peel ], [ %poll, %stop22 ], [ %r46, %hcall ]
  ret i32 %common.ret.op

exit:                                             ; preds = %hcall.deep, %hcall.deep.peel, %start, %cont68
  %x1.slot.1 = phi i64 [ %ld60.lcssa, %cont68 ], [ %x1135, %start ], [ 65726, %hcall.deep.peel ], [ 65726, %hcall.deep ]
  %x2.slot.3 = phi i64 [ %.lcssa, %cont68 ], [ %x2136, %start ], [ %7, %hcall.deep.peel ], [ %11, %hcall.deep ]
  %x10.slot.3 = phi i64 [ %x10.slot.2.lcssa160, %cont68 ], [ %x10137, %start ], [ %10, %hcall.deep.peel ], [ %14, %hcall.deep ]
  %x11.slot.1 = phi i64 [ 0, %cont68 ], [ %x11138, %start ], [ %x11.slot.0.peel, %hcall.deep.peel ], [ %x11.slot.0, %hcall.deep ]
  %exit.pc = phi i64 [ %16, %cont68 ], [ %pc141, %start ], [ 65712, %hcall.deep.peel ], [ 65712, %hcall.deep ]
  %exit.reason = phi i32 [ 4, %cont68 ], [ 9, %start ], [ 9, %hcall.deep.peel ], [ 9, %hcall.deep ]
  store i64 %x1.slot.1, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.3, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.3, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p19, align 8, !tbaa !5
  br label %common.ret

entry.switch:                                     ; preds = %hcall.deep.peel, %hcall.deep
  %mem_base148.in = phi i64 [ %mem_base.i, %hcall.deep ], [ %mem_base.i.peel, %hcall.deep.peel ]
  %x11147 = phi i64 [ %x11.slot.0, %hcall.deep ], [ %x11.slot.0.peel, %hcall.deep.peel ]
  %x10146 = phi i64 [ %14, %hcall.deep ], [ %10, %hcall.deep.peel ]
  %x2145 = phi i64 [ %11, %hcall.deep ], [ %7, %hcall.deep.peel ]
  %mem_base148 = inttoptr i64 %mem_base148.in to ptr
  %invariant.gep = getelementptr i8, ptr %mem_base148, i64 8
  %invariant.gep177 = getelementptr i8, ptr %mem_base148, i64 8
  br label %loop_100b0

stop22:                                           ; preds = %loop_100b0
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %poll = tail call i32 @fvp_poll(ptr nonnull %cpu) #4
  %poll.back = icmp eq i32 %poll, 0
  br i1 %poll.back, label %b_100b0, label %common.ret

cont:                                             ; preds = %b_100b0
  %14 = add i64 %x10.slot.0, -1
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !10)
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  br i1 %deep, label %hcall.deep, label %hcall

hcall:                                            ; preds = %cont
  %r46 = tail call preserve_nonecc i32 @fvp_100b0_self_loop.rec(ptr nonnull %cpu, i64 %11, i64 %14, i64 %x11.slot.0) #4
  %ret.pc = load i64, ptr %pc.p19, align 8, !tbaa !5
  %here = icmp eq i64 %ret.pc, 65726
  %returned = icmp eq i32 %r46, 4
  %ret.ok = and i1 %returned, %here
  br i1 %ret.ok, label %b_100be, label %common.ret

hcall.deep:                                       ; preds = %cont
  store i64 65726, ptr %0, align 8, !tbaa !5
  store i64 %11, ptr %1, align 8, !tbaa !5
  store i64 %14, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !llvm.loop !11

mem.ok:                                           ; preds = %b_100c0
  %15 = add i64 %x2.slot.2, 16
  %clamp.base57 = tail call i64 @llvm.umin.i64(i64 %x2.slot.2, i64 274877908992)
  %gep178 = getelementptr i8, ptr %invariant.gep177, i64 %clamp.base57
  %ld60 = load i64, ptr %gep178, align 1, !tbaa !8
  %host64 = getelementptr i8, ptr %mem_base148, i64 %ld
  %ld65 = load i64, ptr %host64, align 1, !tbaa !8
  %.not = icmp eq i64 %ld65, 0
  br i1 %.not, label %cont68, label %loop_100b0

fault63:                                          ; preds = %b_100c0, %b_100c0.peel
  %ld.lcssa = phi i64 [ %ld.peel, %b_100c0.peel ], [ %ld, %b_100c0 ]
  store i64 65734, ptr %pc.p19, align 8, !tbaa !5
  %cause.p16 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p16, align 8, !tbaa !5
  %tval.p17 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %ld.lcssa, ptr %tval.p17, align 8, !tbaa !5
  %pending.p18 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p18, align 4
  br label %common.ret

cont68:                                           ; preds = %mem.ok, %mem.ok.peel
  %.lcssa = phi i64 [ %5, %mem.ok.peel ], [ %15, %mem.ok ]
  %ld60.lcssa = phi i64 [ %ld60.peel, %mem.ok.peel ], [ %ld60, %mem.ok ]
  %x10.slot.2.lcssa160 = phi i64 [ %x10.slot.2.peel, %mem.ok.peel ], [ %x10.slot.2, %mem.ok ]
  %16 = and i64 %ld60.lcssa, -2
  br label %exit
}

define internal preserve_nonecc i32 @fvp_100b0_self_loop.rec(ptr %0, i64 %1, i64 %2, i64 %3) unnamed_addr #0 {
start:
  %mem_base.p = getelementptr inbounds i8, ptr %0, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %req.p = getelementptr inbounds i8, ptr %0, i64 580
  %invariant.gep = getelementptr i8, ptr %mem_base, i64 8
  %4 = getelementptr inbounds i8, ptr %0, i64 8
  %5 = getelementptr inbounds i8, ptr %0, i64 16
  %6 = getelementptr inbounds i8, ptr %0, i64 80
  %7 = getelementptr inbounds i8, ptr %0, i64 88
  %pc.p20 = getelementptr inbounds i8, ptr %0, i64 512
  %sp.limit.p = getelementptr inbounds i8, ptr %0, i64 600
  br label %loop_100b0

b_100b0:                                          ; preds = %stop, %loop_100b0
  %8 = add i64 %x2.slot.0, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %8, i64 274877908992)
  %gep = getelementptr i8, ptr %invariant.gep, i64 %clamp.base
  store i64 %x1.slot.0, ptr %gep, align 1, !tbaa !8
  %clamp26 = tail call i64 @llvm.umin.i64(i64 %8, i64 274877906944)
  %host27 = getelementptr i8, ptr %mem_base, i64 %clamp26
  store i64 %x11.slot.0, ptr %host27, align 1, !tbaa !8
  %9 = icmp eq i64 %x10.slot.0, 0
  br i1 %9, label %b_100c0, label %cont

loop_100b0:                                       ; preds = %mem.ok, %start
  %x1.slot.0 = phi i64 [ 65726, %start ], [ %ld46, %mem.ok ]
  %x2.slot.0 = phi i64 [ %1, %start ], [ %12, %mem.ok ]
  %x10.slot.0 = phi i64 [ %2, %start ], [ %x10.slot.1, %mem.ok ]
  %x11.slot.0 = phi i64 [ %3, %start ], [ %ld51, %mem.ok ]
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %b_100b0, label %stop

b_100c0:                                          ; preds = %b_100b0, %hcall.ret
  %ld = phi i64 [ %x11.slot.0, %b_100b0 ], [ %ld.pre, %hcall.ret ]
  %x2.slot.1 = phi i64 [ %8, %b_100b0 ], [ %x235, %hcall.ret ]
  %x10.slot.1 = phi i64 [ 0, %b_100b0 ], [ %11, %hcall.ret ]
  %inrange = icmp ult i64 %ld, 274877906937
  br i1 %inrange, label %mem.ok, label %fault49

common.ret:                                       ; preds = %hcall, %stop, %fault49, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault49 ], [ %r, %hcall ], [ %poll, %stop ]
  ret i32 %common.ret.op

exit:                                             ; preds = %cont, %cont54
  %x1.slot.1 = phi i64 [ %ld46, %cont54 ], [ 65726, %cont ]
  %x2.slot.2 = phi i64 [ %12, %cont54 ], [ %8, %cont ]
  %x10.slot.2 = phi i64 [ %x10.slot.1, %cont54 ], [ %10, %cont ]
  %x11.slot.1 = phi i64 [ 0, %cont54 ], [ %x11.slot.0, %cont ]
  %exit.pc = phi i64 [ %13, %cont54 ], [ 65712, %cont ]
  %exit.reason = phi i32 [ 4, %cont54 ], [ 0, %cont ]
  store i64 %x1.slot.1, ptr %4, align 8, !tbaa !5
  store i64 %x2.slot.2, ptr %5, align 8, !tbaa !5
  store i64 %x10.slot.2, ptr %6, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %7, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p20, align 8, !tbaa !5
  br label %common.ret

stop:                                             ; preds = %loop_100b0
  store i64 %x1.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %x2.slot.0, ptr %5, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %6, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %7, align 8, !tbaa !5
  store i64 65712, ptr %pc.p20, align 8, !tbaa !5
  %poll = tail call i32 @fvp_poll(ptr nonnull %0) #4
  %poll.back = icmp eq i32 %poll, 0
  br i1 %poll.back, label %b_100b0, label %common.ret

cont:                                             ; preds = %b_100b0
  %10 = add i64 %x10.slot.0, -1
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !10)
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  br i1 %deep, label %exit, label %hcall

hcall:                                            ; preds = %cont
  %r = tail call preserve_nonecc i32 @fvp_100b0_self_loop.rec(ptr nonnull %0, i64 %8, i64 %10, i64 %x11.slot.0) #4
  %ret.pc = load i64, ptr %pc.p20, align 8, !tbaa !5
  %here = icmp eq i64 %ret.pc, 65726
  %returned = icmp eq i32 %r, 4
  %ret.ok = and i1 %returned, %here
  br i1 %ret.ok, label %hcall.ret, label %common.ret

hcall.ret:                                        ; preds = %hcall
  %x235 = load i64, ptr %5, align 8, !tbaa !5
  %x1036 = load i64, ptr %6, align 8, !tbaa !5
  %11 = add i64 %x1036, 1
  %.pre = tail call i64 @llvm.umin.i64(i64 %x235, i64 274877906944)
  %host41.phi.trans.insert = getelementptr i8, ptr %mem_base, i64 %.pre
  %ld.pre = load i64, ptr %host41.phi.trans.insert, align 1, !tbaa !8
  br label %b_100c0

mem.ok:                                           ; preds = %b_100c0
  %12 = add i64 %x2.slot.1, 16
  %clamp.base43 = tail call i64 @llvm.umin.i64(i64 %x2.slot.1, i64 274877908992)
  %gep90 = getelementptr i8, ptr %invariant.gep, i64 %clamp.base43
  %ld46 = load i64, ptr %gep90, align 1, !tbaa !8
  %host50 = getelementptr i8, ptr %mem_base, i64 %ld
  %ld51 = load i64, ptr %host50, align 1, !tbaa !8
  %.not = icmp eq i64 %ld51, 0
  br i1 %.not, label %cont54, label %loop_100b0

fault49:                                          ; preds = %b_100c0
  store i64 65734, ptr %pc.p20, align 8, !tbaa !5
  %cause.p12 = getelementptr inbounds i8, ptr %0, i64 560
  store i64 13, ptr %cause.p12, align 8, !tbaa !5
  %tval.p13 = getelementptr inbounds i8, ptr %0, i64 568
  store i64 %ld, ptr %tval.p13, align 8, !tbaa !5
  %pending.p14 = getelementptr inbounds i8, ptr %0, i64 576
  store i32 0, ptr %pending.p14, align 4
  br label %common.ret

cont54:                                           ; preds = %mem.ok
  %13 = and i64 %ld46, -2
  br label %exit
}
